using InclusionCases.Domain.Text;

namespace InclusionCases.Functions.Contacts.Contracts;

/// <summary>A contact of a batch that was not accepted: its index in the batch and what is wrong, field by field.</summary>
public sealed record ContactRejection(int Index, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>
    /// A rejection with its messages in English: rejections are stored with the batch and read back
    /// later, by whoever asks, so they are kept in the one language of what is stored.
    /// </summary>
    public static ContactRejection Of(int index, IReadOnlyDictionary<string, Message[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new(index, errors.ToDictionary(e => e.Key, e => e.Value.Select(message => message.English()).ToArray(), StringComparer.Ordinal));
    }

    /// <summary>A rejection named by a code (<c>conflict</c>, <c>erased</c>) rather than a sentence: the same in every language.</summary>
    public static ContactRejection Code(int index, string field, string code) => new(index, new Dictionary<string, string[]> { [field] = [code] });
}
