using System.Text;

namespace Portal.LoadTests.Driver;

/// <summary>What a node of <see cref="RenderedPage"/> is: an element, text, markup, or a component's place.</summary>
internal enum NodeKind
{
    Element,
    Text,
    Markup,
    Component,
}

/// <summary>A node of the page as the driver keeps it: enough to find an element, its event handlers and its text.</summary>
internal sealed class PageNode(NodeKind kind, string? name = null)
{
    public NodeKind Kind { get; } = kind;

    public string? Name { get; } = name;

    public string? Text { get; set; }

    /// <summary>For a component's place: the component's id.</summary>
    public int ComponentId { get; init; }

    /// <summary>The component that rendered this node: the id of the nearest component place above it.</summary>
    public int RenderingComponentId()
    {
        for (var node = Parent; node is not null; node = node.Parent)
        {
            if (node.Kind == NodeKind.Component)
            {
                return node.ComponentId;
            }
        }

        return 0;
    }

    public PageNode? Parent { get; set; }

    public List<PageNode> Children { get; } = [];

    public Dictionary<string, string?> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>Event name (<c>click</c>, <c>input</c>) to the event handler id the server gave it.</summary>
    public Dictionary<string, ulong> Handlers { get; } = new(StringComparer.Ordinal);

    public string? Attribute(string attributeName) => Attributes.GetValueOrDefault(attributeName);

    public void Insert(int index, PageNode child)
    {
        child.Parent = this;
        Children.Insert(index, child);
    }

    /// <summary>The text inside this node, markup included as it came.</summary>
    public string InnerText()
    {
        var text = new StringBuilder();
        Append(this, text);
        return text.ToString();

        static void Append(PageNode node, StringBuilder text)
        {
            if (node.Kind is NodeKind.Text or NodeKind.Markup)
            {
                text.Append(node.Text);
            }

            foreach (var child in node.Children)
            {
                Append(child, text);
            }
        }
    }

    public PageNode? Find(Func<PageNode, bool> match)
    {
        if (Kind == NodeKind.Element && match(this))
        {
            return this;
        }

        foreach (var child in Children)
        {
            if (child.Find(match) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
