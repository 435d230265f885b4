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
        var reader = new CachedMembershipReader(inner, cache, TimeProvider.System);

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
        var reader = new CachedMembershipReader(inner, cache, TimeProvider.System);

        Assert.Null(await reader.FindAsync("u1", CancellationToken.None));
        inner.Membership = new Membership("u1", "jette-cpas", "Thomas");

        Assert.Equal("jette-cpas", (await reader.FindAsync("u1", CancellationToken.None))?.OrganisationId);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task Find_AfterEvict_ReadsStorageAgain_SoAnEndedMembershipRefusesAtOnce()
    {
        var inner = new CountingReader(new Membership("u1", "ixelles-cpas", "Sophie"));
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var reader = new CachedMembershipReader(inner, cache, TimeProvider.System);
        await reader.FindAsync("u1", CancellationToken.None);
        inner.Membership = null;

        reader.Evict("u1");

        Assert.Null(await reader.FindAsync("u1", CancellationToken.None));
    }

    [Fact]
    public async Task Find_OlderThanTheLifetime_ReadsStorageAgain_ByTheAppClock()
    {
        var inner = new CountingReader(new Membership("u1", "ixelles-cpas", "Sophie"));
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var clock = new MovableClock();
        var reader = new CachedMembershipReader(inner, cache, clock);
        await reader.FindAsync("u1", CancellationToken.None);
        inner.Membership = null;

        clock.Offset = CachedMembershipReader.Lifetime - TimeSpan.FromSeconds(1);
        Assert.NotNull(await reader.FindAsync("u1", CancellationToken.None));
        clock.Offset = CachedMembershipReader.Lifetime;
        Assert.Null(await reader.FindAsync("u1", CancellationToken.None));
        Assert.True(CachedMembershipReader.Lifetime <= TimeSpan.FromSeconds(30));
    }

    private sealed class MovableClock : TimeProvider
    {
        private readonly DateTimeOffset _start = System.GetUtcNow();

        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => _start + Offset;
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
