using InclusionCases.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace InclusionCases.UnitTests.Http;

public sealed class QueryTimesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 21, 4, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-25T21:00:00Z", "2026-11-25T21:00:00Z")]
    [InlineData("2026-11-25T22:00:00%2B01:00", "2026-11-25T21:00:00Z")]
    [InlineData("2026-11-01", "2026-11-01T00:00:00Z")]
    [InlineData("2000-01-01", "2000-01-01T00:00:00Z")]
    public void Read_TimeOrDateInRange_IsTheInstant(string query, string expected)
    {
        var errors = new FieldErrors();

        var value = QueryTimes.Read(Request("from=" + query), "from", errors);

        Assert.False(errors.Any);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("1999-12-31")]
    [InlineData("2027-11-26")]
    [InlineData("2026-11-25T21:00:00")]
    [InlineData("2026-11-25T21:00:00 01:00")]
    [InlineData("11/25/2026")]
    [InlineData("2026-11-25%0A")]
    [InlineData("2026-11-25T21:00:00Z&from=2026-11-26")]
    public void Read_OutOfRangeOrLooseTime_Is400NamingTheParameter(string query)
    {
        var errors = new FieldErrors();

        var value = QueryTimes.Read(Request("from=" + query), "from", errors);

        Assert.Null(value);
        var problem = Assert.Throws<ApiProblemException>(errors.ThrowIfAny);
        Assert.Equal(["from"], problem.Errors!.Keys);
    }

    private static HttpRequest Request(string query)
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(new FixedClock(Now)).BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.QueryString = new QueryString("?" + query);
        return context.Request;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
