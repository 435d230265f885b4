using System.Buffers.Text;
using System.Text;
using Azure.Data.Tables;
using InclusionCases.Functions.Localization;
using Microsoft.AspNetCore.Http;

namespace InclusionCases.Functions.Http;

/// <summary>
/// List paging: <c>?limit=</c> (default 50, 1 to 200) and <c>?cursor=</c>, an opaque token the
/// previous page returned as <c>next</c>.
/// </summary>
public sealed record Paging(int Limit, string? ContinuationToken)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static Paging From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var limit = DefaultLimit;
        if (request.Query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, out limit) || limit is < 1 or > MaxLimit))
        {
            errors.Add("limit", ApiText.LimitRange(MaxLimit));
        }

        string? token = null;
        if (request.Query.TryGetValue("cursor", out var cursor) && !string.IsNullOrEmpty(cursor))
        {
            token = Decode(cursor.ToString());
            if (token is null)
            {
                errors.Add("cursor", ApiText.NotACursor);
            }
        }

        errors.ThrowIfAny();
        return new Paging(limit, token);
    }

    /// <summary>This page of a partition query: at most <see cref="Limit"/> rows from where the cursor left off, read by <paramref name="read"/>, and the cursor of the next page.</summary>
    public async Task<(IReadOnlyList<T> Items, string? ContinuationToken)> ReadAsync<T>(TableClient table, string filter, Func<TableEntity, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: Limit, cancellationToken: cancellationToken).AsPages(ContinuationToken, Limit))
        {
            return ([.. page.Values.Select(read)], page.ContinuationToken);
        }

        return ([], null);
    }

    public static string? Encode(string? continuationToken) =>
        continuationToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(continuationToken));

    private static string? Decode(string cursor)
    {
        if (cursor.Length > 2048)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
