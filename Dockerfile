# syntax=docker/dockerfile:1
# Multi-stage build: compile in the Go image, ship a static binary in a
# distroless image with no shell and a non-root user.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/newsgraph .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/newsgraph /newsgraph
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/newsgraph"]
