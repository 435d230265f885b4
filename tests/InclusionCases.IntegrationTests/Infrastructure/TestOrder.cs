using Xunit;

// Test collections run one after the other: the tests share two cores with Azurite, and timing-bound
// fault tests must not compete with another collection's load.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
