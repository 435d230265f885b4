using InclusionCases.Domain.Webhooks;

namespace InclusionCases.UnitTests.Webhooks;

/// <summary>When a failed delivery is tried again, and what each answer means.</summary>
public sealed class DeliveryRetriesTests
{
    private static readonly DateTimeOffset First = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(30);

    [Fact]
    public void NextAttempt_DoublesFromTheFirstDelay_UpToTwoHours_AndStopsAfter24HoursFromTheFirstAttempt()
    {
        var now = First;
        var waits = new List<TimeSpan>();
        for (var attempts = 1; DeliveryRetries.NextAttemptAt(First, attempts, now, FirstDelay) is { } next; attempts++)
        {
            waits.Add(next - now);
            now = next;
        }

        Assert.Equal([30, 60, 120, 240, 480, 960, 1920, 3840, 7200], waits.Take(9).Select(w => (int)w.TotalSeconds));
        Assert.All(waits.Skip(8), w => Assert.Equal(DeliveryRetries.MaxDelay, w));
        Assert.True(now <= First + DeliveryRetries.Window);
        Assert.True(now + DeliveryRetries.MaxDelay > First + DeliveryRetries.Window);
        Assert.InRange(waits.Count, 18, 20); // about 20 attempts in a day
    }

    [Fact]
    public void NextAttempt_IsNone_OnceTheWindowIsOver_HoweverFewTheAttempts()
    {
        Assert.Null(DeliveryRetries.NextAttemptAt(First, 1, First + TimeSpan.FromHours(24), FirstDelay));
        Assert.NotNull(DeliveryRetries.NextAttemptAt(First, 1, First + TimeSpan.FromHours(24) - FirstDelay, FirstDelay));
    }

    [Theory]
    [InlineData(200, DeliveryAnswer.Delivered)]
    [InlineData(204, DeliveryAnswer.Delivered)]
    [InlineData(299, DeliveryAnswer.Delivered)]
    [InlineData(410, DeliveryAnswer.Gone)]
    [InlineData(301, DeliveryAnswer.TryAgain)] // redirects are never followed
    [InlineData(404, DeliveryAnswer.TryAgain)]
    [InlineData(429, DeliveryAnswer.TryAgain)]
    [InlineData(500, DeliveryAnswer.TryAgain)]
    [InlineData(null, DeliveryAnswer.TryAgain)] // no answer: refused address, timeout, network
    public void Classify_OnlyA2xxDelivers_AndOnlyA410GivesUp(int? status, DeliveryAnswer expected) =>
        Assert.Equal(expected, DeliveryRetries.Classify(status));
}
