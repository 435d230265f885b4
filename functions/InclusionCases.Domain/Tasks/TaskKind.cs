namespace InclusionCases.Domain.Tasks;

/// <summary>What a follow-up task is for: one of the rules the system derives tasks from, or written by a worker.</summary>
public enum TaskKind
{
    /// <summary>The quarterly visit that keeps a CPAS reference address.</summary>
    ReferenceAddressCheckIn,

    /// <summary>The quarterly evaluation of a PIIS (the integration contract).</summary>
    PiisReview,

    /// <summary>A consent that ends within 30 days: renew it or the sharing stops.</summary>
    ConsentExpiry,

    /// <summary>A street contact a mediator flagged for follow-up.</summary>
    ContactFollowUp,

    /// <summary>The monthly visit of a Housing First tenant.</summary>
    TenancyVisit,

    /// <summary>Written by a social worker.</summary>
    Custom,
}
