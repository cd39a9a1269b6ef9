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
/// Hosting (the composition root) is depended on by nobody, and admin page models go through services.
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
    public void AdminPageModels_NeitherQueryTheDatabaseNorWriteTheSecurityLog() =>
        Types().That().ResideInNamespaceMatching(@"IdentityProvider\.Areas\.Admin\..*")
            .Should().NotDependOnAny(typeof(ApplicationDbContext), typeof(SecurityLog))
            .Because("admin pages and the admin API call the same services, and those services write the security log")
            .Check(Provider);
}
