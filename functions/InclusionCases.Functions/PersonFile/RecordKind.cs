namespace InclusionCases.Functions.PersonFile;

/// <summary>What a refusal is about, so its 403 and 404 texts name it in the request's language.</summary>
public enum RecordKind
{
    Person,
    Case,
    Referral,
    Task,
}
