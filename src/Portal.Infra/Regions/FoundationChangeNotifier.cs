using Microsoft.Extensions.Logging;
using Portal.Domain.Regions;

namespace Portal.Infra.Regions;

/// <summary>
/// Tells open Regions pages that an admin asked to create or delete a region's foundation, so that every admin's page
/// looks again at once (and keeps looking while the cloud works).
/// </summary>
internal sealed class FoundationChangeNotifier(ILogger<FoundationChangeNotifier> logger) : ChangeNotifier<RegionCode>(logger);
