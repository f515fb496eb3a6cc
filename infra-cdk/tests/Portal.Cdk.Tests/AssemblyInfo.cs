using Portal.Cdk.Tests.Support;

// jsii starts a Node.js process and synthesis takes seconds: every test class shares one synthesized app.
[assembly: AssemblyFixture(typeof(SynthesizedApp))]

// The jsii runtime talks to its Node.js process over one channel and is not thread-safe: run tests one at a time.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
