namespace IdentityProvider.Admin;

/// <summary>To be written (administration issue).</summary>
public sealed class UserAdministration
{
}
