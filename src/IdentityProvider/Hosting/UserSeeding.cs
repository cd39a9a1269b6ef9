using IdentityProvider.Data.Entities;
using IdentityProvider.Settings;
using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Hosting;

/// <summary>Creates the configured users and their roles when missing; never changes an existing user.</summary>
internal sealed class UserSeeding(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider time,
    ILogger<UserSeeding> logger)
{
    public async Task SeedAsync(IEnumerable<SeedUser> seedUsers)
    {
        foreach (var seed in seedUsers)
        {
            if (await users.FindByEmailAsync(seed.Email) is not null)
            {
                continue;
            }

            foreach (var role in seed.Roles)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
            }

            var user = new ApplicationUser
            {
                UserName = seed.Email,
                Email = seed.Email,
                EmailConfirmed = true,
                DisplayName = seed.Name,
                CreatedAt = time.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, seed.Password);
            if (!created.Succeeded)
            {
                // Another instance may have created it a moment ago; anything else is a configuration mistake.
                if (await users.FindByEmailAsync(seed.Email) is null)
                {
                    throw new InvalidConfigurationException("Seed:Users", $"user {seed.Email} cannot be created: {string.Join(" ", created.Errors.Select(error => error.Description))}");
                }

                continue;
            }

            if (seed.Roles.Length > 0)
            {
                await users.AddToRolesAsync(user, seed.Roles);
            }

            logger.LogInformation("Seeded user {UserId} with roles {Roles}", user.Id, seed.Roles);
        }
    }
}
