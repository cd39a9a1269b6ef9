namespace IdentityProvider.Areas.Admin.Pages.Users;

/// <summary>
/// The roles of a user form: a box per known role (<paramref name="Known"/>, <paramref name="Picked"/> ticked) and a field
/// to add one more (<paramref name="NewRole"/>), as <c>_RolePicker</c> shows them under <c>Input.Roles</c> and <c>Input.NewRole</c>.
/// </summary>
public sealed record RolePicker(IReadOnlyList<string> Known, IReadOnlyList<string> Picked, string? NewRole)
{
    /// <summary>The roles the form asks for: the ticked ones and the new one, if typed.</summary>
    public static IReadOnlyList<string> Chosen(IEnumerable<string>? picked, string? newRole) =>
        [.. (picked ?? []).Append(newRole ?? "").Select(role => role.Trim()).Where(role => role.Length > 0)];

    public bool IsPicked(string role) => Picked.Contains(role, StringComparer.OrdinalIgnoreCase);
}
