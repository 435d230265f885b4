namespace InclusionCases.Domain.Cases;

/// <summary>
/// The PIIS (projet individualisé d'intégration sociale) that goes with a case: the contract a CPAS
/// signs with a person receiving the integration income, evaluated at least once a quarter from
/// <see cref="SignedOn"/>.
/// </summary>
public sealed record Piis(DateOnly SignedOn);
