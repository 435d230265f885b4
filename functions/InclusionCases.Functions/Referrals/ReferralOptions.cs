using InclusionCases.Domain.Referrals;

namespace InclusionCases.Functions.Referrals;

/// <summary>How referrals behave (configuration section <c>Referrals</c>).</summary>
public sealed class ReferralOptions
{
    public const string SectionName = "Referrals";

    /// <summary>Days a referral may stay pending before it expires (<c>Referrals__PendingDays</c>).</summary>
    public int PendingDays { get; set; } = ReferralWorkflow.DefaultPendingDays;
}
