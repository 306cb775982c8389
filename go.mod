module github.com/liaisond/liaisond

go 1.26.8
