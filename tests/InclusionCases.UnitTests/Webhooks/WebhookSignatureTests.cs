using InclusionCases.Domain.Webhooks;

namespace InclusionCases.UnitTests.Webhooks;

/// <summary>Our Standard Webhooks signatures against the specification's published test vector, and what a receiver must refuse.</summary>
public sealed class WebhookSignatureTests
{
    // The test vector the Standard Webhooks reference libraries share.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string Body = "{\"test\": 2432232314}";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly DateTimeOffset Timestamp = DateTimeOffset.FromUnixTimeSeconds(1614265330);

    [Fact]
    public void Sign_GivesThePublishedSignature_WithOrWithoutThePrefix()
    {
        Assert.Equal(Expected, WebhookSignature.Sign(Secret, MessageId, Timestamp, Body));
        Assert.Equal(Expected, WebhookSignature.Sign(Secret["whsec_".Length..], MessageId, Timestamp, Body));
    }

    [Fact]
    public void Verify_AcceptsThePublishedSignature_AmongOthers()
    {
        Assert.True(WebhookSignature.Verify(Secret, MessageId, "1614265330", Expected, Body, Timestamp.AddMinutes(4)));
        Assert.True(WebhookSignature.Verify(Secret, MessageId, "1614265330", "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,x " + Expected, Body, Timestamp));
    }

    [Theory]
    [InlineData(MessageId, "1614265330", Expected, "{\"test\": 2432232315}", 0)] // another body
    [InlineData("msg_other", "1614265330", Expected, Body, 0)] // another id
    [InlineData(MessageId, "1614265331", Expected, Body, 0)] // another timestamp
    [InlineData(MessageId, "1614265330", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLawdd", Body, 0)]
    [InlineData(MessageId, "1614265330", "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", Body, 0)] // not a v1 signature
    [InlineData(MessageId, "1614265330", "v1,not base64!", Body, 0)]
    [InlineData(MessageId, "1614265330", "", Body, 0)]
    [InlineData(MessageId, "soon", Expected, Body, 0)]
    [InlineData(MessageId, "1614265330", Expected, Body, 6)] // replayed six minutes later
    [InlineData(MessageId, "1614265330", Expected, Body, -6)] // from the future
    public void Verify_RefusesAnythingElse(string messageId, string timestamp, string signatures, string body, int minutesLater) =>
        Assert.False(WebhookSignature.Verify(Secret, messageId, timestamp, signatures, body, Timestamp.AddMinutes(minutesLater)));

    [Fact]
    public void NewSecret_Is32RandomBytes_InTheShownForm()
    {
        var secret = WebhookSignature.NewSecret();

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.NotEqual(secret, WebhookSignature.NewSecret());
    }
}
