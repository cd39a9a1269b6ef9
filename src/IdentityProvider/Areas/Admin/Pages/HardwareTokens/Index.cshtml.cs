using IdentityProvider.HardwareTokens;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.HardwareTokens;

/// <summary>The inventory of hardware tokens: filtered by status, searched by serial or holder, a page at a time.</summary>
public sealed class IndexModel(HardwareTokenInventory inventory, IStringLocalizer<AdminText> text, IStringLocalizer<MessageText> messages) : PageModel
{
    /// <summary>Part of a serial or of the holder's e-mail address; empty lists every token.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>One of <see cref="HardwareTokenStatus.All"/>, or empty for any.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    // Note: not "page", which Razor Pages reserves for the page's own route value.
    [BindProperty(SupportsGet = true)]
    public string? PageNumber { get; set; }

    public HardwareTokenListPage? Found { get; private set; }

    public IReadOnlyList<HardwareTokenRow> Rows => Found?.Tokens ?? [];

    public string? Message { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        var search = Search?.Trim() ?? "";
        if (search.Length > HardwareTokenInventory.MaxSearchLength)
        {
            Message = new Sentence("Search.TooLong", HardwareTokenInventory.MaxSearchLength).In(messages);
            return;
        }

        if (!string.IsNullOrEmpty(Status) && !HardwareTokenStatus.All.Contains(Status))
        {
            Message = text["HardwareTokens.ChooseStatus"];
            return;
        }

        var page = 1;
        if (!string.IsNullOrEmpty(PageNumber) && (!int.TryParse(PageNumber, out page) || page is < 1 or > HardwareTokenInventory.MaxPage))
        {
            Message = text["Common.ChoosePage", HardwareTokenInventory.MaxPage];
            return;
        }

        Found = await inventory.ListAsync(new HardwareTokenFilter(Status, search), page);
        if (Found.Total == 0)
        {
            Message = search.Length > 0 || !string.IsNullOrEmpty(Status)
                ? text["HardwareTokens.NoMatch"]
                : text["HardwareTokens.Empty"];
        }
        else if (Rows.Count == 0)
        {
            Message = text["Common.OnlyPages", Found.Pages];
        }
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageLink(int page) =>
        $"/admin/hardware-tokens?search={Uri.EscapeDataString(Search?.Trim() ?? "")}&status={Uri.EscapeDataString(Status ?? "")}&pageNumber={page}";
}
