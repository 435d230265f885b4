using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace InclusionCases.UnitTests.Identity;

public sealed class CachedMembershipReaderTests
{
    [Fact]
    public async Task Find_FoundMembership_IsReadFromStorageOnce()
    {
        var inner = new CountingReader(new Membership("u1", "ixelles-cpas", "Sophie"));
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var reader = new CachedMembershipReader(inner, cache);

        var first = await reader.FindAsync("u1", CancellationToken.None);
        var second = await reader.FindAsync("u1", CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task Find_MissingMembership_IsNotKept_SoANewMemberIsRecognisedAtOnce()
    {
        var inner = new CountingReader(null);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var reader = new CachedMembershipReader(inner, cache);

        Assert.Null(await reader.FindAsync("u1", CancellationToken.None));
        inner.Membership = new Membership("u1", "jette-cpas", "Thomas");

        Assert.Equal("jette-cpas", (await reader.FindAsync("u1", CancellationToken.None))?.OrganisationId);
        Assert.Equal(2, inner.Calls);
    }

    private sealed class CountingReader(Membership? membership) : IMembershipReader
    {
        public Membership? Membership { get; set; } = membership;

        public int Calls { get; private set; }

        public Task<Membership?> FindAsync(string userId, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(Membership);
        }
    }
}
