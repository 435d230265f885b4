using InclusionCases.Domain.Text;

namespace InclusionCases.Domain.Identity;

/// <summary>Either a resolved <see cref="Caller"/> or the reason the caller may not act.</summary>
public sealed record CallerResolutionResult
{
    private CallerResolutionResult(Caller? caller, Message? refusal)
    {
        Caller = caller;
        Refusal = refusal;
    }

    public Caller? Caller { get; }

    public Message? Refusal { get; }

    public static CallerResolutionResult Resolved(Caller caller) => new(caller, null);

    public static CallerResolutionResult Refused(Message reason) => new(null, reason);
}
