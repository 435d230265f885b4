using InclusionCases.Domain.Matching;
using InclusionCases.Functions.Matching;
using InclusionCases.Functions.Matching.Contracts;

namespace InclusionCases.UnitTests.Matching;

/// <summary>Match request ids, and what each side sees of a request as time passes.</summary>
public sealed class MatchRequestTests
{
    private static readonly DateTimeOffset Asked = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static readonly MatchRequestRecord Incoming = new(
        MatchRequestIds.Incoming(MatchRequestIds.New(Asked), "jette-cpas", "pabcdefghijklmnop"), "ixelles-cpas", Asked,
        new MatchFields("Lucas Peeters", [], 1968, null, null, [IdentifierScheme.Niss]), MatchRequestStatus.Pending, "pabcdefghijklmnop", 1, ["the same NISS or BIS number"], null, null, null);

    [Fact]
    public void Ids_SortNewestFirst_AndAnIncomingIdIsTheSameForTheSameHolderAndPerson()
    {
        var earlier = MatchRequestIds.New(Asked);
        var later = MatchRequestIds.New(Asked.AddSeconds(1));

        Assert.True(string.CompareOrdinal(later, earlier) < 0);
        Assert.True(MatchRequestIds.IsRequest(earlier));
        Assert.False(MatchRequestIds.IsIncoming(earlier));
        Assert.Equal(MatchRequestIds.Incoming(earlier, "jette-cpas", "p1"), MatchRequestIds.Incoming(earlier, "jette-cpas", "p1"));
        Assert.NotEqual(MatchRequestIds.Incoming(earlier, "jette-cpas", "p1"), MatchRequestIds.Incoming(earlier, "habitat-asbl", "p1"));
        Assert.True(MatchRequestIds.IsIncoming(MatchRequestIds.Incoming(earlier, "jette-cpas", "p1")));
        Assert.False(MatchRequestIds.IsRequest(earlier + "\n"));
    }

    [Fact]
    public void TheRequester_SeesPendingThenClosed_AndNothingOfTheHolder_WhateverTheHolderDid()
    {
        foreach (var status in new[] { MatchRequestStatus.Pending, MatchRequestStatus.Dismissed, MatchRequestStatus.Referred })
        {
            var request = Incoming with { Status = status };

            var during = request.AsOutgoing(Asked.AddDays(13));
            var after = request.AsOutgoing(Asked.AddDays(14));

            Assert.Equal(MatchRequestStatus.Pending, during.Status);
            Assert.Equal(MatchRequestStatus.Closed, after.Status);
            Assert.All(new[] { during, after }, r => Assert.True(r.PersonId is null && r.Score is null && r.Reasons is null && r.ReferralId is null));
        }
    }

    [Fact]
    public void TheHolder_SeesItsAnswer_OrExpiredOnceTheWindowEnds_AndMayAnswerOnlyBefore()
    {
        Assert.Equal(MatchRequestStatus.Pending, Incoming.AsIncoming(Asked.AddDays(13)).Status);
        Assert.Equal(MatchRequestStatus.Expired, Incoming.AsIncoming(Asked.AddDays(14)).Status);
        Assert.Equal(MatchRequestStatus.Dismissed, (Incoming with { Status = MatchRequestStatus.Dismissed }).AsIncoming(Asked.AddDays(20)).Status);
        Assert.True(Incoming.IsOpen(Asked.AddDays(13)));
        Assert.False(Incoming.IsOpen(Asked.AddDays(14)));
        Assert.False((Incoming with { Status = MatchRequestStatus.Referred }).IsOpen(Asked));
        Assert.Equal("pabcdefghijklmnop", Incoming.AsIncoming(Asked).PersonId);
    }
}
