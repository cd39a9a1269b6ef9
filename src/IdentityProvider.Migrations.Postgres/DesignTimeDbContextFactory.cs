using IdentityProvider.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IdentityProvider.Migrations.Postgres;

/// <summary>
/// Lets `dotnet ef migrations add` build the model for Postgres without starting the web host:
/// `dotnet ef migrations add NAME --project src/IdentityProvider.Migrations.Postgres`.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ApplicationDbContext>
{
    public ApplicationDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        options.UseNpgsql("Host=localhost;Database=design_time", npgsql => npgsql.MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name));
        options.UseOpenIddict();
        return new ApplicationDbContext(options.Options);
    }
}
