namespace InclusionCases.Domain.Identity;

/// <summary>The Entra ID app roles the API checks. Names match the <c>roles</c> claim values.</summary>
public enum AppRole
{
    /// <summary>A CPAS or NGO social worker who opens and updates cases.</summary>
    SocialWorker,

    /// <summary>A street mediator (outreach) who logs street contacts.</summary>
    Mediator,

    /// <summary>A partner organisation's system calling the API with an app-only token.</summary>
    Partner,

    /// <summary>The commune's coordination cell: organisations, members, aggregated reports.</summary>
    Coordinator,

    /// <summary>The data-protection officer: audit log, export and erasure.</summary>
    Auditor,

    /// <summary>Operations: poison messages and replays.</summary>
    Operator,
}
