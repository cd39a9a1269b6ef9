namespace IdentityProvider.Localization;

/// <summary>
/// The texts of the account pages (<c>Pages/Manage</c>): the overview, activity, devices, recovery codes, tokens, passwords and notifications, with the validation messages of their input models, in <c>Resources/Localization/ManageText.{language}.resx</c>.
/// </summary>
public sealed class ManageText;
