using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Hosting;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static ArchUnitNET.Fluent.Slices.SliceRuleDefinition;

namespace IdentityProvider.UnitTests.Architecture;

/// <summary>
/// The boundaries docs/ARCHITECTURE.md draws: feature folders depend on each other in one direction only,
/// Hosting (the composition root) is depended on by nobody, and page models go through services.
/// </summary>
public class FeatureBoundaryTests
{
    private static readonly ArchUnitNET.Domain.Architecture Provider =
        new ArchLoader().LoadAssemblies(typeof(ServiceRegistration).Assembly, typeof(ApplicationDbContext).Assembly).Build();

    [Fact]
    public void FeatureNamespaces_HaveNoCycles() =>
        Slices().Matching("IdentityProvider.(*)").Should().BeFreeOfCycles().Check(Provider);

    [Fact]
    public void NothingButProgram_DependsOnHosting() =>
        Types().That().DoNotResideInNamespace("IdentityProvider.Hosting")
            .And().DoNotHaveFullName("Program")
            .Should().NotDependOnAny(Types().That().ResideInNamespace("IdentityProvider.Hosting"))
            .Check(Provider);

    [Fact]
    public void PageModels_NeitherQueryTheDatabaseNorWriteTheSecurityLog() =>
        Types().That().ResideInNamespaceMatching(@"IdentityProvider\.(Pages|Areas)(\..*)?")
            .Should().NotDependOnAny(typeof(ApplicationDbContext), typeof(SecurityLog))
            .Because("page models bind input and call services; the services query the database and write the security log, "
                + "so a page and the admin API that share a service refuse and log alike")
            .Check(Provider);
}
