from dxkit.cli.app import main

main()
