# Sourced by .ci/run: starts the services the tests need and exports where they are.
