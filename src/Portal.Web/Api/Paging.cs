using System.Globalization;

namespace Portal.Web.Api;

/// <summary><c>?page=&amp;pageSize=</c> on list endpoints: pages from 1, 1 to 100 items a page (20 unless asked).</summary>
internal readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The paging asked for, or a validation problem naming the parameter.</summary>
    public static bool TryRead(int? page, int? pageSize, out Paging paging, out IResult? problem)
    {
        paging = new(page ?? 1, pageSize ?? DefaultPageSize);
        problem = paging.Page < 1
            ? ApiProblems.Validation("page", "'page' counts from 1.")
            : paging.PageSize is < 1 or > MaxPageSize
                ? ApiProblems.Validation("pageSize", $"'pageSize' is from 1 to {MaxPageSize}.")
                : null;
        return problem is null;
    }

    /// <summary>How many items come before this page.</summary>
    public int Skip => (Page - 1) * PageSize;

    public PagedList<T> Of<T>(IReadOnlyList<T> all, HttpRequest request) =>
        new([.. all.Skip(Skip).Take(PageSize)], Page, PageSize, all.Count, NextFor(all.Count, request));

    /// <summary>The next page's URL (the request's own query, <c>page</c> one higher), or null when this is the last of <paramref name="total"/>.</summary>
    public string? NextFor(int total, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Page * PageSize >= total)
        {
            return null;
        }

        var query = request.Query.Where(q => q.Key is not "page").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}");
        return $"{request.Path}?{string.Join('&', query.Append(string.Create(CultureInfo.InvariantCulture, $"page={Page + 1}")))}";
    }
}

/// <summary>One page of a list: its items, where it is, how many there are in all, and the next page's URL (null on the last).</summary>
internal sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, string? Next);
