namespace InclusionCases.Domain.Access;

/// <summary>
/// The policy's answer. <see cref="NotFound"/> when the caller may not know the resource exists
/// (answered exactly like a resource that does not exist); <see cref="Forbidden"/> when the caller
/// sees it but may not do this; <see cref="Gone"/> when the caller sees it but the person's data
/// was erased, so nothing more may be written about them.
/// </summary>
public enum AccessDecision
{
    Allowed,
    Forbidden,
    NotFound,
    Gone,
}
