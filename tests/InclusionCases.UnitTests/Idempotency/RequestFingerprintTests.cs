using System.Text;
using InclusionCases.Functions.Idempotency;

namespace InclusionCases.UnitTests.Idempotency;

public sealed class RequestFingerprintTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"type\":\"housingFirst\"}");

    [Fact]
    public void Of_SameMethodPathAndBytes_IsTheSame() =>
        Assert.Equal(RequestFingerprint.Of("POST", "/api/cases", Body), RequestFingerprint.Of("post", "/api/cases", [.. Body]));

    [Fact]
    public void Of_AnotherPathBodyOrMethod_Differs()
    {
        var first = RequestFingerprint.Of("POST", "/api/cases", Body);

        Assert.NotEqual(first, RequestFingerprint.Of("POST", "/api/cases/p1/notes", Body));
        Assert.NotEqual(first, RequestFingerprint.Of("POST", "/api/cases", Encoding.UTF8.GetBytes("{\"type\": \"housingFirst\"}")));
        Assert.NotEqual(first, RequestFingerprint.Of("PUT", "/api/cases", Body));
        Assert.Equal(64, first.Length);
    }
}
