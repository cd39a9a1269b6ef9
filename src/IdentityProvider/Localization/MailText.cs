namespace IdentityProvider.Localization;

/// <summary>
/// The texts of the mails the provider sends (password reset, set password, security notices), in the recipient's language, in <c>Resources/Localization/MailText.{language}.resx</c>.
/// </summary>
public sealed class MailText;
