namespace InclusionCases.Functions.Cases.Contracts;

/// <summary>Who sees a note: everyone who sees the case, or the author's organisation only.</summary>
public enum NoteVisibility
{
    Shared,
    Organisation,
}
