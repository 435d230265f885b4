namespace InclusionCases.Domain.Cases;

/// <summary>How the tenancy of a housed person stands.</summary>
public enum TenancyStatus
{
    /// <summary>Looking for a dwelling.</summary>
    Searching,

    /// <summary>A lease is signed; the move-in is planned.</summary>
    LeaseSigned,

    /// <summary>The person lives in the dwelling.</summary>
    Sustained,

    /// <summary>The tenancy is at risk (arrears, conflict, eviction notice).</summary>
    AtRisk,

    /// <summary>The tenancy has ended.</summary>
    Ended,
}
