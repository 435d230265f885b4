namespace InclusionCases.Domain.Text;

/// <summary>
/// The one rule for text a client sends, used by every field. Multi-line text (notes, reasons,
/// evidence, sensitive fields) may hold line breaks (<c>\n</c> or <c>\r\n</c>) and tabs; single-line
/// text (names, zones, aliases, ids) holds no control character at all. Neither holds any other
/// control character: they corrupt exports and logs and can hide text from a reader.
/// </summary>
public static class FreeText
{
    public static Message ControlCharacters => DomainText.ControlCharacters;

    public static Message SingleLineControlCharacters => DomainText.SingleLineControlCharacters;

    /// <summary>What is wrong with <paramref name="value"/> (empty when nothing): its length, then its characters.</summary>
    public static IReadOnlyList<Message> Problems(string value, int maxLength, bool multiLine)
    {
        ArgumentNullException.ThrowIfNull(value);
        var problems = new List<Message>(2);
        if (value.Length > maxLength)
        {
            problems.Add(DomainText.AtMostCharacters(maxLength));
        }

        if (HasForbiddenControl(value, multiLine))
        {
            problems.Add(multiLine ? ControlCharacters : SingleLineControlCharacters);
        }

        return problems;
    }

    /// <summary>Whether <paramref name="value"/> holds a control character the kind of text does not allow.</summary>
    public static bool HasForbiddenControl(string value, bool multiLine)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsControl(c))
            {
                continue;
            }

            var allowed = multiLine && (c is '\n' or '\t' || (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n'));
            if (!allowed)
            {
                return true;
            }
        }

        return false;
    }
}
