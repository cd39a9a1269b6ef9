namespace IdentityProvider.Localization;

/// <summary>
/// The texts of the admin area (<c>Areas/Admin</c>): users, policy, clients, scopes, hardware tokens and the security log, with the validation messages of their input models, in <c>Resources/Localization/AdminText.{language}.resx</c>.
/// </summary>
public sealed class AdminText;
