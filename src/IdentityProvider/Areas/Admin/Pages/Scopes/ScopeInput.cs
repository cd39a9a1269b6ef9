using System.ComponentModel.DataAnnotations;

namespace IdentityProvider.Areas.Admin.Pages.Scopes;

/// <summary>The scope form of the create and edit pages.</summary>
public sealed class ScopeInput
{
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Display name")]
    public string? DisplayName { get; set; }

    [Display(Name = "Description")]
    public string? Description { get; set; }
}
