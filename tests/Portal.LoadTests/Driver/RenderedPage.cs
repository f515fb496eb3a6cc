namespace Portal.LoadTests.Driver;

/// <summary>
/// The page the server's render batches build, kept as blazor.web.js keeps the DOM: each component's edits applied
/// inside its own place (a container node), regions flattened, attributes with an event handler id kept as handlers.
/// Only what the driver needs to find an element, its current event handler and its text.
/// </summary>
internal sealed class RenderedPage
{
    private readonly Dictionary<int, PageNode> _components = [];
    private readonly List<PageNode> _roots = [];

    public int Batches { get; private set; }

    /// <summary><c>JS.AttachComponent</c>: a root component (one of the page's prerendered markers) gets its place.</summary>
    public void AttachRoot(int componentId)
    {
        var root = new PageNode(NodeKind.Component) { ComponentId = componentId };
        _components[componentId] = root;
        _roots.Add(root);
    }

    public void Apply(RenderBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var diff in batch.Diffs)
        {
            if (!_components.TryGetValue(diff.ComponentId, out var place))
            {
                throw new InvalidOperationException($"A render batch updates component {diff.ComponentId}, which has no place on the page.");
            }

            ApplyEdits(place, diff.Edits, batch.Frames);
        }

        foreach (var id in batch.DisposedComponents)
        {
            _components.Remove(id);
        }

        Batches++;
    }

    public PageNode? Find(Func<PageNode, bool> match)
    {
        foreach (var root in _roots)
        {
            if (root.Find(match) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    public PageNode? FindByTestId(string testId) => Find(n => n.Attribute("data-testid") == testId);

    public PageNode? FindById(string id) => Find(n => n.Attribute("id") == id);

    private void ApplyEdits(PageNode place, IReadOnlyList<Edit> edits, IReadOnlyList<Frame> frames)
    {
        var parent = place;
        List<(int From, int To)>? permutation = null;
        foreach (var edit in edits)
        {
            var index = edit.SiblingIndex;
            switch (edit.Type)
            {
                case EditType.PrependFrame:
                    InsertFrame(parent, index, frames, edit.ReferenceFrameIndex);
                    break;
                case EditType.RemoveFrame:
                    parent.Children.RemoveAt(index);
                    break;
                case EditType.SetAttribute:
                    SetAttribute(parent.Children[index], frames[edit.ReferenceFrameIndex]);
                    break;
                case EditType.RemoveAttribute:
                    RemoveAttribute(parent.Children[index], edit.RemovedAttributeName!);
                    break;
                case EditType.UpdateText:
                case EditType.UpdateMarkup:
                    parent.Children[index].Text = frames[edit.ReferenceFrameIndex].Value;
                    break;
                case EditType.StepIn:
                    parent = parent.Children[index];
                    break;
                case EditType.StepOut:
                    parent = parent.Parent ?? throw new InvalidOperationException("A render batch steps out of its component.");
                    break;
                case EditType.PermutationListEntry:
                    (permutation ??= []).Add((index, edit.ReferenceFrameIndex));
                    break;
                case EditType.PermutationListEnd:
                    var before = parent.Children.ToArray();
                    foreach (var (from, to) in permutation ?? [])
                    {
                        parent.Children[to] = before[from];
                    }

                    permutation?.Clear();
                    break;
                default:
                    throw new InvalidOperationException($"Unknown edit type {(int)edit.Type} in a render batch.");
            }
        }
    }

    /// <summary>Inserts the frame at <paramref name="frameIndex"/>; returns how many children it added to the parent.</summary>
    private int InsertFrame(PageNode parent, int childIndex, IReadOnlyList<Frame> frames, int frameIndex)
    {
        var frame = frames[frameIndex];
        switch (frame.Type)
        {
            case FrameType.Element:
                var element = new PageNode(NodeKind.Element, frame.Name);
                parent.Insert(childIndex, element);
                var end = frameIndex + frame.SubtreeLength;
                var next = frameIndex + 1;
                for (; next < end && frames[next].Type == FrameType.Attribute; next++)
                {
                    SetAttribute(element, frames[next]);
                }

                InsertRange(element, 0, frames, next, end);
                return 1;
            case FrameType.Text:
            case FrameType.Markup:
                parent.Insert(childIndex, new PageNode(frame.Type == FrameType.Text ? NodeKind.Text : NodeKind.Markup) { Text = frame.Value });
                return 1;
            case FrameType.Component:
                var place = new PageNode(NodeKind.Component) { ComponentId = frame.ComponentId };
                parent.Insert(childIndex, place);
                _components[frame.ComponentId] = place;
                return 1;
            case FrameType.Region:
                return InsertRange(parent, childIndex, frames, frameIndex + 1, frameIndex + frame.SubtreeLength);
            case FrameType.ElementReferenceCapture:
            case FrameType.ComponentReferenceCapture:
                return 0;
            default:
                throw new InvalidOperationException($"A render batch inserts a frame of type {frame.Type} on its own.");
        }
    }

    private int InsertRange(PageNode parent, int childIndex, IReadOnlyList<Frame> frames, int start, int endExclusive)
    {
        var first = childIndex;
        for (var i = start; i < endExclusive; i++)
        {
            var frame = frames[i];
            childIndex += InsertFrame(parent, childIndex, frames, i);
            if (frame.Type is FrameType.Element or FrameType.Component or FrameType.Region)
            {
                i += frame.SubtreeLength - 1;
            }
        }

        return childIndex - first;
    }

    private static void SetAttribute(PageNode element, Frame attribute)
    {
        var name = attribute.Name!;
        if (attribute.EventHandlerId != 0)
        {
            element.Handlers[name.StartsWith("on", StringComparison.Ordinal) ? name[2..] : name] = attribute.EventHandlerId;
        }
        else
        {
            element.Attributes[name] = attribute.Value;
        }
    }

    private static void RemoveAttribute(PageNode element, string name)
    {
        element.Attributes.Remove(name);
        element.Handlers.Remove(name.StartsWith("on", StringComparison.Ordinal) ? name[2..] : name);
    }
}
