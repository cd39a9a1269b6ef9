using Microsoft.AspNetCore.Identity;

namespace IdentityProvider.Data.Entities;

/// <summary>A person who signs in at the provider.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The full name, released as the <c>name</c> claim.</summary>
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a policy first required two-step sign-in of this user without a device: the grace period starts here.</summary>
    public DateTimeOffset? TwoStepGraceStartedAt { get; set; }
}
