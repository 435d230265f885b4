namespace InclusionCases.Domain.Identity;

/// <summary>Either a resolved <see cref="Caller"/> or the reason the caller may not act.</summary>
public sealed record CallerResolutionResult
{
    private CallerResolutionResult(Caller? caller, string? refusal)
    {
        Caller = caller;
        Refusal = refusal;
    }

    public Caller? Caller { get; }

    public string? Refusal { get; }

    public static CallerResolutionResult Resolved(Caller caller) => new(caller, null);

    public static CallerResolutionResult Refused(string reason) => new(null, reason);
}
