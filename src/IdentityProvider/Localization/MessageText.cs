namespace IdentityProvider.Localization;

/// <summary>
/// What services say to a reader (<see cref="Sentence"/>): refusals and results that pages show in the reader's language
/// and the admin API, logs and exceptions give in English, in <c>Resources/Localization/MessageText.{language}.resx</c>.
/// </summary>
public sealed class MessageText;
