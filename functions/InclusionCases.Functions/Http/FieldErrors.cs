namespace InclusionCases.Functions.Http;

/// <summary>Collects what is wrong with a request, field by field, for one 400 that names them all.</summary>
public sealed class FieldErrors
{
    public const int MaxNameLength = 200;
    public const int MaxNoteLength = 10_000;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Checks a required string: present, not blank, no control characters, at most <paramref name="maxLength"/>.</summary>
    public void Required(string field, string? value, int maxLength, bool allowLineBreaks = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
            return;
        }

        Optional(field, value, maxLength, allowLineBreaks);
    }

    /// <summary>Checks an optional string when present.</summary>
    public void Optional(string field, string? value, int maxLength, bool allowLineBreaks = false)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            Add(field, $"At most {maxLength} characters.");
        }

        if (value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t')))
        {
            Add(field, "Control characters are not allowed.");
        }
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw ApiProblemException.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}
