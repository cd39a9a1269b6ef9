using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Data.Entities;

/// <summary>A person who signs in at the provider.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The full name, released as the <c>name</c> claim.</summary>
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
