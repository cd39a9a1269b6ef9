using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("IdentityProvider.IntegrationTests.Reliability.SecretsScanOrderer", "IdentityProvider.IntegrationTests")]

namespace IdentityProvider.IntegrationTests.Reliability;

/// <summary>
/// xunit's own order of the test collections, with the secrets scan moved to the end. xunit runs every parallel
/// collection first and then the collections that disable parallelization one after another, in this order; so
/// the scan, which disables parallelization, runs after every other test of the assembly.
/// </summary>
public sealed class SecretsScanOrderer : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var ordered = new DefaultTestCollectionOrderer().OrderTestCollections(testCollections).ToList();
        return ordered.Where(collection => !IsScan(collection)).Concat(ordered.Where(IsScan));
    }

    private static bool IsScan(ITestCollection collection) => collection.DisplayName == nameof(SecretsScanCollection);
}
