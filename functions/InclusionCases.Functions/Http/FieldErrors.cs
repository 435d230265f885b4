using InclusionCases.Domain.Text;

namespace InclusionCases.Functions.Http;

/// <summary>
/// Collects what is wrong with a request, field by field, for one 400 that names them all; messages
/// stay <see cref="Message"/>s until the answer is written in the request's language.
/// </summary>
public sealed class FieldErrors
{
    public const int MaxNameLength = 200;
    public const int MaxNoteLength = 10_000;

    private readonly Dictionary<string, List<Message>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>Whether <paramref name="field"/> already has a problem.</summary>
    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, Message message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>
    /// Checks a required string: present and not blank, then as <see cref="Optional"/>. Multi-line text
    /// passes <paramref name="allowLineBreaks"/> here too: one call per field, so two checks of one
    /// field cannot apply different rules.
    /// </summary>
    public void Required(string field, string? value, int maxLength, bool allowLineBreaks = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, DomainText.Required);
            return;
        }

        Optional(field, value, maxLength, allowLineBreaks);
    }

    /// <summary>
    /// Checks an optional string when present, with the one free-text rule (<see cref="FreeText"/>):
    /// at most <paramref name="maxLength"/> characters; line breaks and tabs only in multi-line text
    /// (<paramref name="allowLineBreaks"/>), no other control characters anywhere.
    /// </summary>
    public void Optional(string field, string? value, int maxLength, bool allowLineBreaks = false)
    {
        if (value is null)
        {
            return;
        }

        foreach (var problem in FreeText.Problems(value, maxLength, allowLineBreaks))
        {
            Add(field, problem);
        }
    }

    /// <summary>Checks an optional worker's object id (a case's or a task's assignee): an id usable as a key, without surrounding blanks.</summary>
    public void OptionalWorkerId(string field, string? workerId)
    {
        Optional(field, workerId, MaxNameLength);
        if (workerId is not null && (!Storage.TableKeys.IsValid(workerId) || workerId.Trim() != workerId))
        {
            Add(field, Localization.ApiText.NotAValidId);
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
