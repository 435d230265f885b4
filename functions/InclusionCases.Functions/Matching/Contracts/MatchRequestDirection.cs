namespace InclusionCases.Functions.Matching.Contracts;

/// <summary>Which match requests to list: those made by the caller's organisation, or those sent to it as a holder.</summary>
public enum MatchRequestDirection
{
    Incoming,
    Outgoing,
}
