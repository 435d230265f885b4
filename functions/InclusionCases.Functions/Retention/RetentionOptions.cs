namespace InclusionCases.Functions.Retention;

/// <summary>How long records are kept before they are anonymised (configuration section <c>Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>A person is anonymised when every case of theirs has been closed this long.</summary>
    public int ClosedCaseYears { get; set; } = 5;

    /// <summary>A street contact's free text is anonymised once the contact is this old.</summary>
    public int ContactYears { get; set; } = 2;
}
