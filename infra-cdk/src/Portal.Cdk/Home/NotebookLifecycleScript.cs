using System.Globalization;
using System.Text;
using Portal.Cdk.Naming;
using Portal.Cdk.Settings;

namespace Portal.Cdk.Home;

/// <summary>
/// The OnStart script of notebook instances: installs the pinned Dask client (the very list the Dask image installs)
/// into a Python environment on the persistent volume, adds the portal's notebook helper (a zip file asset) and
/// registers the kernel <c>portal-dask</c>, so that an instance that is InService has the kernel its notebook asks for.
/// </summary>
/// <remarks>
/// <para>
/// SageMaker fails the start of an instance whose OnStart script runs longer than 5 minutes
/// (<see cref="SageMakerLimitSeconds"/>). The installer runs once, in its own process, and OnStart waits for it at most
/// <see cref="SetupDeadlineSeconds"/>: the remaining minute covers writing the files, starting the installer and
/// SageMaker's own bookkeeping. If it finishes in time (the usual case) the instance becomes InService with the kernel
/// registered; if it fails in time, OnStart fails with the end of its log, so the instance fails rather than looking
/// ready. If it is still running at the deadline it carries on in the background (never killed and restarted, so it
/// cannot leave a half-written environment behind two installers), and the notebook's home folder holds
/// <see cref="NoticeFile"/>, which says so and goes away when the kernel is there.
/// </para>
/// <para>
/// The time budget: later starts find the environment on the persistent volume (its name changes with any pin, see
/// <see cref="DaskPins.EnvironmentName"/>) and only sync the helper and register the kernel, in seconds. The first start
/// of an instance creates the environment: conda installs the interpreter alone (Python {x.y} from conda-forge, no
/// solving of a large environment), then pip installs the pinned packages as wheels (about 150 MB through the home
/// VPC's NAT gateway, cached on the volume), typically two to three minutes on an ml.t3 instance. These figures are
/// estimates; a slow package mirror is what the background fallback is for.
/// </para>
/// </remarks>
internal static class NotebookLifecycleScript
{
    /// <summary>SageMaker's limit for one lifecycle script, base64-encoded.</summary>
    public const int MaxBase64Length = 16384;

    /// <summary>SageMaker fails an instance's start when its OnStart script runs longer than this.</summary>
    public const int SageMakerLimitSeconds = 300;

    /// <summary>How long OnStart waits for the installer before leaving it to finish in the background.</summary>
    public const int SetupDeadlineSeconds = 240;

    /// <summary>Where Jupyter opens: files here are what the user sees first.</summary>
    public const string NotebookHome = "/home/ec2-user/SageMaker";

    /// <summary>Shown in Jupyter's file browser while the kernel is not installed (or could not be).</summary>
    public const string NoticeFile = NotebookHome + "/PORTAL-KERNEL-NOT-READY.txt";

    /// <summary>Markers for anyone checking from a terminal: <c>ready</c>, <c>failed</c>, and the installer's <c>setup.log</c>.</summary>
    public const string StateFolder = NotebookHome + "/.portal";

    /// <param name="pins">The pinned Dask client.</param>
    /// <param name="helperArchive">The <c>s3://</c> URL of the notebook helper's zip (a file asset); none when null.</param>
    public static string Build(DaskPins pins, string? helperArchive)
    {
        ArgumentNullException.ThrowIfNull(pins);
        var c = CultureInfo.InvariantCulture;
        var kernel = $"Portal (Dask {pins.DaskVersion})";
        var script = new StringBuilder()
            .Append("#!/bin/bash\n")
            .Append("# Portal: pinned Dask client and notebook helper (infra-cdk, HomeFoundation; versions from docker/dask/requirements.txt).\n")
            .Append("set -euo pipefail\n")
            .Append(c, $"STATE={StateFolder}\n")
            .Append(c, $"NOTICE={NoticeFile}\n")
            .Append("cat > /home/ec2-user/portal-requirements.txt <<'PORTAL_REQUIREMENTS'\n")
            .Append(string.Join('\n', pins.Requirements)).Append('\n')
            .Append("PORTAL_REQUIREMENTS\n")
            .Append("cat > /home/ec2-user/portal-setup.sh <<'PORTAL_SETUP'\n")
            .Append("#!/bin/bash\n")
            .Append("set -euo pipefail\n")
            .Append(c, $"STATE={StateFolder}\n")
            .Append(c, $"NOTICE={NoticeFile}\n")
            .Append(c, $"ENV=$STATE/{pins.EnvironmentName}\n")
            .Append(c, $"trap 'echo \"The {kernel} kernel could not be installed; see .portal/setup.log. Stop and start this notebook instance to try again.\" > \"$NOTICE\"; touch \"$STATE/failed\"' ERR\n")
            // conda's activation scripts read unset variables.
            .Append("set +u\n")
            .Append("source /home/ec2-user/anaconda3/bin/activate\n")
            .Append("set -u\n")
            // .portal-complete is written last: an environment without it was interrupted (the instance stopped mid-install).
            .Append("if [ ! -f \"$ENV/.portal-complete\" ]; then\n")
            .Append("  rm -rf \"$ENV\"\n")
            .Append(c, $"  conda create --yes --quiet --prefix \"$ENV\" --override-channels --channel conda-forge python={pins.PythonVersion} pip\n")
            .Append("  \"$ENV/bin/pip\" install --quiet --prefer-binary --disable-pip-version-check --cache-dir \"$STATE/pip-cache\" \\\n")
            .Append("    --requirement /home/ec2-user/portal-requirements.txt ipykernel\n")
            .Append("  touch \"$ENV/.portal-complete\"\n")
            .Append("fi\n")
            .Append("SITE=$(\"$ENV/bin/python\" -c 'import sysconfig; print(sysconfig.get_paths()[\"purelib\"])')\n")
            .Append(helperArchive is null ? string.Empty : string.Create(c, $"aws s3 cp --only-show-errors \"{helperArchive}\" \"$STATE/portal_dask.zip\"\nrm -rf \"$SITE/portal_dask\"\n\"$ENV/bin/python\" -m zipfile -e \"$STATE/portal_dask.zip\" \"$SITE/portal_dask/\"\n"))
            .Append(c, $"\"$ENV/bin/python\" -m ipykernel install --user --name {PortalNames.NotebookKernel} --display-name '{kernel}'\n")
            .Append("touch \"$STATE/ready\"\n")
            .Append("rm -f \"$NOTICE\"\n")
            .Append("PORTAL_SETUP\n")
            .Append("chmod +x /home/ec2-user/portal-setup.sh\n")
            .Append("mkdir -p \"$STATE\"\n")
            .Append("rm -f \"$STATE/ready\" \"$STATE/failed\"\n")
            // Written before the installer starts, which removes it when done: no race with a late finish.
            .Append(c, $"echo \"The {kernel} kernel is still being installed (the first start of a notebook instance takes longer than SageMaker waits). It appears in the kernel list when this file goes away, usually within minutes; progress in .portal/setup.log.\" > \"$NOTICE\"\n")
            .Append("chown -R ec2-user:ec2-user /home/ec2-user/portal-requirements.txt /home/ec2-user/portal-setup.sh \"$STATE\" \"$NOTICE\"\n")
            .Append("nohup sudo -u ec2-user -i /home/ec2-user/portal-setup.sh > \"$STATE/setup.log\" 2>&1 &\n")
            .Append("SETUP=$!\n")
            .Append(c, $"# Wait for the installer, at most {SetupDeadlineSeconds} s of SageMaker's {SageMakerLimitSeconds} s for OnStart; past that it finishes in the background.\n")
            .Append(c, $"if timeout {SetupDeadlineSeconds} tail --pid=\"$SETUP\" -f /dev/null; then\n")
            .Append("  if [ -f \"$STATE/ready\" ]; then\n")
            .Append("    exit 0\n")
            .Append("  fi\n")
            .Append("  echo \"Portal kernel setup failed:\"\n")
            .Append("  tail -n 40 \"$STATE/setup.log\"\n")
            .Append("  exit 1\n")
            .Append("fi\n")
            .Append(c, $"echo \"Portal kernel setup still running after {SetupDeadlineSeconds} s; it continues in the background (see $NOTICE).\"\n");
        return script.ToString();
    }
}
