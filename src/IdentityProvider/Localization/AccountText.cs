namespace IdentityProvider.Localization;

/// <summary>
/// The texts of the sign-in side (<c>Pages/Account</c>, the start and error pages): headings, labels, messages and the
/// validation messages of their input models, in <c>Resources/Localization/AccountText.{language}.resx</c>.
/// </summary>
public sealed class AccountText;
