namespace IdentityProvider.Localization;

/// <summary>
/// The texts every page shares (the layout, the language switch, validation messages), in
/// <c>Resources/Localization/SharedText.{language}.resx</c>: one file per language with the same keys.
/// </summary>
public sealed class SharedText;
