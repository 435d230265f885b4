using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Identity;

/// <summary>
/// The <c>Organisations</c> table. Every organisation is one row of the <c>directory</c> partition
/// (RowKey = organisation id): finding one is a point read, the directory is one partition query whose
/// filters (kind, an offer, a language) are evaluated by storage on flag columns, and each row's ETag
/// guards its updates. Rows written before the directory existed (PartitionKey = id, RowKey =
/// <c>organisation</c>) are still read by id; the first update of such an organisation writes its
/// directory row (the older row is then no longer read).
/// </summary>
public sealed class OrganisationRepository(StorageAccount storage)
{
    /// <summary>The one partition holding every organisation.</summary>
    public const string DirectoryPartition = "directory";

    private const string LegacyRowKey = "organisation";
    private readonly TableClient _table = storage.Table(TableNames.Organisations);

    public async Task<Organisation?> FindAsync(string organisationId, CancellationToken cancellationToken) =>
        (await FindWithETagAsync(organisationId, cancellationToken))?.Organisation;

    /// <summary>The organisation and the ETag of its row; <c>Legacy</c> when only the pre-directory row exists.</summary>
    public async Task<(Organisation Organisation, string ETag, bool Legacy)?> FindWithETagAsync(string organisationId, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValid(organisationId))
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(DirectoryPartition, organisationId, cancellationToken: cancellationToken);
        if (row.HasValue && row.Value is { } entity)
        {
            return (Read(organisationId, entity), entity.ETag.ToString(), false);
        }

        var legacy = await _table.GetEntityIfExistsAsync<TableEntity>(organisationId, LegacyRowKey, cancellationToken: cancellationToken);
        return legacy.HasValue && legacy.Value is { } old ? (Read(organisationId, old), old.ETag.ToString(), true) : null;
    }

    /// <summary>Writes a new organisation; null when its id is taken (a directory or a pre-directory row), else the new row's ETag.</summary>
    public async Task<string?> TryAddAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        if (await _table.GetEntityIfExistsAsync<TableEntity>(organisation.Id, LegacyRowKey, cancellationToken: cancellationToken) is { HasValue: true })
        {
            return null;
        }

        try
        {
            var response = await _table.AddEntityAsync(ToEntity(organisation), cancellationToken);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    /// <summary>
    /// Replaces the organisation's row if it still has <paramref name="etag"/> (null: unconditionally);
    /// null when it changed meanwhile, else the new ETag. A pre-directory organisation gets its
    /// directory row here, insert-only, so two first updates cannot both win.
    /// </summary>
    public async Task<string?> TryReplaceAsync(Organisation organisation, string? etag, bool legacy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        try
        {
            var response = legacy
                ? await _table.AddEntityAsync(ToEntity(organisation), cancellationToken)
                : etag is null
                    ? await _table.UpsertEntityAsync(ToEntity(organisation), TableUpdateMode.Replace, cancellationToken)
                    : await _table.UpdateEntityAsync(ToEntity(organisation), new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>A page of the directory, by id, narrowed by storage to a kind, an offer and a language when given.</summary>
    public async Task<(IReadOnlyList<Organisation> Items, string? ContinuationToken)> ListAsync(
        OrganisationKind? kind, Offer? offer, string? language, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paging);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DirectoryPartition}");
        if (kind is { } k)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Kind eq {k.ToString()}");
        }

        // Column names come from the fixed flag names below, never from the request; the value is a parameter.
        if (offer is { } o)
        {
            filter += " and " + TableClient.CreateQueryFilter(FormattableStringFactory.Create(OfferColumn(o) + " eq {0}", true));
        }

        if (language is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter(FormattableStringFactory.Create(LanguageColumn(language) + " eq {0}", true));
        }

        return await paging.ReadAsync(_table, filter, e => Read(e.RowKey, e), cancellationToken);
    }

    // A column per offer and per language, so storage filters the directory: "has this offer" is "Offer_Food eq true".
    private static string OfferColumn(Offer offer) => "Offer_" + offer;

    // Language tags are checked by the caller (letters and '-'); '-' is not allowed in a property name.
    private static string LanguageColumn(string language) => "Language_" + language.Replace('-', '_');

    private static Organisation Read(string id, TableEntity e) => new(id, e.GetString("Name"), Enum.Parse<OrganisationKind>(e.GetString("Kind"), ignoreCase: true))
    {
        Offers = e.GetString("Offers") is { Length: > 0 } offers ? [.. offers.Split(',').Select(Enum.Parse<Offer>)] : [],
        Languages = e.GetString("Languages") is { Length: > 0 } languages ? languages.Split(',') : [],
        AcceptsReferrals = e.GetBoolean("AcceptsReferrals") ?? true,
    };

    private static TableEntity ToEntity(Organisation organisation)
    {
        var entity = new TableEntity(DirectoryPartition, organisation.Id)
        {
            ["Name"] = organisation.Name,
            ["Kind"] = organisation.Kind.ToString(),
            ["Offers"] = string.Join(',', organisation.Offers),
            ["Languages"] = string.Join(',', organisation.Languages),
            ["AcceptsReferrals"] = organisation.AcceptsReferrals,
        };
        foreach (var offer in organisation.Offers)
        {
            entity[OfferColumn(offer)] = true;
        }

        foreach (var language in organisation.Languages)
        {
            entity[LanguageColumn(language)] = true;
        }

        return entity;
    }
}
